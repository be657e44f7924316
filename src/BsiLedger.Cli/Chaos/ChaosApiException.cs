namespace BsiLedger.Cli.Chaos;

/// <summary>No silo answered a request for as long as the driver waits: the cluster is down, not merely missing one silo.</summary>
public sealed class ChaosApiException(string message) : Exception(message);
