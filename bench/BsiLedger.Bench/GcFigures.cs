namespace BsiLedger.Bench;

/// <summary>What the process's garbage collector did over a phase: bytes allocated, collections per generation, time paused.</summary>
public sealed record GcFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseSeconds)
{
    public static GcFigures Now() => new(
        GC.GetTotalAllocatedBytes(precise: false),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalSeconds);

    public GcFigures Since(GcFigures start) => new(
        AllocatedBytes - start.AllocatedBytes, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, PauseSeconds - start.PauseSeconds);

    public GcFigures Plus(GcFigures other) => new(
        AllocatedBytes + other.AllocatedBytes, Gen0 + other.Gen0, Gen1 + other.Gen1, Gen2 + other.Gen2, PauseSeconds + other.PauseSeconds);
}
