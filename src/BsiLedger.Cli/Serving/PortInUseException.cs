namespace BsiLedger.Cli.Serving;

/// <summary>A port <c>bsi serve</c> was told to listen on is taken: exit 3, before anything is written.</summary>
public sealed class PortInUseException(string option, int port) : Exception(
    $"port {port} ({option}) is in use by another process: stop it or choose another port with {option}");
