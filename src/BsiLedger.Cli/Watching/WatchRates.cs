namespace BsiLedger.Cli.Watching;

/// <summary>Per second, since the previous look: offers made, installs, applies and failures reported.</summary>
public sealed record WatchRates(double Offers, double Installs, double Applies, double Failures);
