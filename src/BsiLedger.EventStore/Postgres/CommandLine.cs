namespace BsiLedger.EventStore.Postgres;

/// <summary>A program with its arguments, run without a shell.</summary>
internal sealed record CommandLine(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public override string ToString() =>
        string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
