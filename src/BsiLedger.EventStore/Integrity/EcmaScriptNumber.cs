using System.Globalization;
using System.Text;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// A double as ECMAScript's Number.prototype.toString prints it (ECMA-262 §6.1.6.1.20), the number form RFC 8785
/// requires: the shortest digits that round-trip, plain notation from 1e-6 up to 1e21, exponent notation outside.
/// </summary>
public static class EcmaScriptNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity");
        }

        if (value == 0)
        {
            return "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var text = new StringBuilder(value < 0 ? "-" : "");
        var k = digits.Length;
        if (k <= point && point <= 21)
        {
            text.Append(digits).Append('0', point - k);
        }
        else if (0 < point && point <= 21)
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, k - point);
        }
        else if (-6 < point && point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else
        {
            var exponent = point - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// The shortest round-trip significant digits (no leading or trailing zeros) and the position of the decimal
    /// point relative to them: value = 0.digits × 10^point.
    /// </summary>
    private static (string Digits, int Point) ShortestDigits(double positive)
    {
        // "E16" is not shortest; "R" is, in either plain or exponent form: normalise both.
        var r = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? r.Length : dot;
        var all = r.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits - leadingZeros + exponent);
    }
}
