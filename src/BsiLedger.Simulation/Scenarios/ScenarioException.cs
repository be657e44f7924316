namespace BsiLedger.Simulation.Scenarios;

/// <summary>A scenario that cannot run, with the JSON path of the field at fault: exit 2.</summary>
public sealed class ScenarioException(string message, Exception? innerException = null) : Exception(message, innerException);
