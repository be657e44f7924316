namespace BsiLedger.EventStore.Postgres;

internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
