using Microsoft.Extensions.DependencyInjection;
using Orleans.EventSourcing;

namespace BsiLedger.EventStore.LogConsistency;

public static class LedgerLogConsistencyRegistration
{
    /// <summary>
    /// Registers the ledger's log-consistency provider under <see cref="JournalLogViewAdaptorFactory.ProviderName"/>,
    /// for grains marked <c>[LogConsistencyProvider(ProviderName = JournalLogViewAdaptorFactory.ProviderName)]</c>.
    /// </summary>
    public static IServiceCollection AddLedgerLogConsistency(this IServiceCollection services)
    {
        services.AddKeyedSingleton<ILogViewAdaptorFactory, JournalLogViewAdaptorFactory>(JournalLogViewAdaptorFactory.ProviderName);
        services.AddSingleton<Factory<IGrainContext, ILogConsistencyProtocolServices>>(provider =>
            context => ActivatorUtilities.CreateInstance<LedgerProtocolServices>(provider, context));
        return services;
    }
}
