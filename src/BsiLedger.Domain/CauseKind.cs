namespace BsiLedger.Domain;

public enum CauseKind
{
    Operator,
    Policy,
    Device,
}
