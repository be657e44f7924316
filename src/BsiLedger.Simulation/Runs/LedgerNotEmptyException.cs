namespace BsiLedger.Simulation.Runs;

/// <summary>A simulation writes its fleet into an empty ledger only, so a rerun can never double anything.</summary>
public sealed class LedgerNotEmptyException(long events)
    : Exception($"the ledger already holds {events} events: a simulation needs an empty ledger (give a new --out, or --data-dir/--connection naming an empty one)");
