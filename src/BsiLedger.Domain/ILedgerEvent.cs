namespace BsiLedger.Domain;

/// <summary>Any fact the ledger stores: it happened at a domain time, caused by someone or something.</summary>
public interface ILedgerEvent
{
    /// <summary>Domain time: when it happened on the ledger's clock (virtual in a simulation).</summary>
    DateTimeOffset At { get; }

    Cause Cause { get; }
}
