namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>A C2SP signed-note key name, which is also the checkpoint's origin line: non-empty, no spaces, no '+', no control characters.</summary>
public static class KeyName
{
    public const string Rule = "a key name is non-empty and holds no spaces, '+' or control characters (a schema-less URL such as example.com/ledger is recommended)";

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+');
}
