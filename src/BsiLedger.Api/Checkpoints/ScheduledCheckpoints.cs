using BsiLedger.EventStore.Integrity.Checkpoints;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BsiLedger.Api.Checkpoints;

/// <summary>
/// Signs a checkpoint on the schedule while <c>bsi serve</c> runs, the first at start-up. A failed attempt (the
/// database away, transactions that would not settle) is logged and tried again at the next tick: the ledger is no
/// less intact for a checkpoint signed late.
/// </summary>
public sealed partial class ScheduledCheckpoints(CheckpointSchedule schedule, string connectionString, ILogger<ScheduledCheckpoints> logger) : BackgroundService
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signer = new CheckpointSigner(connectionString, SettleTimeout);
        using var timer = new PeriodicTimer(schedule.Every);
        do
        {
            try
            {
                var (stored, isNew) = await signer.SignAsync(schedule.Key, stoppingToken);
                if (isNew)
                {
                    Signed(logger, stored.Number, stored.Head.Checkpoint.Size);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "signed checkpoint {Number} of {Size} events")]
    private static partial void Signed(ILogger logger, long number, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "signing the scheduled checkpoint failed; trying again at the next tick")]
    private static partial void Failed(ILogger logger, Exception exception);
}
