namespace BsiLedger.Grains.Agents;

/// <summary>What a device did with an offer: installed and activated it, failed to install it, or will report later.</summary>
public abstract record AgentAnswer
{
    public static AgentAnswer InstallsAndApplies { get; } = new Installs();

    public static AgentAnswer ReportsLater { get; } = new Later();

    public sealed record Installs : AgentAnswer;

    public sealed record Fails(string Reason) : AgentAnswer;

    public sealed record Later : AgentAnswer;
}
