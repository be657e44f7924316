namespace BsiLedger.Bench;

public sealed record MachineInfo(int Processors, string Os);
