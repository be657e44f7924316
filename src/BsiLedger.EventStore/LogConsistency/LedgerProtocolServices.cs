using Microsoft.Extensions.Logging;
using Orleans.EventSourcing;
using Orleans.Serialization;

namespace BsiLedger.EventStore.LogConsistency;

/// <summary>
/// The runtime services a log-view adaptor is handed. Orleans registers its own implementation only
/// alongside its built-in providers (and keeps it internal), so a custom provider brings this one.
/// </summary>
internal sealed class LedgerProtocolServices(IGrainContext grainContext, DeepCopier copier, ILogger<LedgerProtocolServices> logger)
    : ILogConsistencyProtocolServices
{
    public GrainId GrainId => grainContext.GrainId;

    public string MyClusterId => "I";

    public T DeepCopy<T>(T value) => copier.Copy(value)!;

    public void ProtocolError(string msg, bool throwexception)
    {
        logger.LogError("{Grain} log-consistency protocol error: {Message}", GrainId, msg);
        if (throwexception)
        {
            throw new InvalidOperationException(msg);
        }
    }

    public void CaughtException(string where, Exception e) =>
        logger.LogError(e, "{Grain} exception in {Where}", GrainId, where);

    public void CaughtUserCodeException(string callback, string where, Exception e) =>
        logger.LogWarning(e, "{Grain} exception in {Callback} called from {Where}", GrainId, callback, where);

#pragma warning disable CA2254 // Orleans hands over the format string
    public void Log(LogLevel level, string format, params object[] args) => logger.Log(level, format, args);
#pragma warning restore CA2254
}
