using System.Globalization;

namespace HosVessel.Web.Legacy;

/// <summary>
/// Turns the old app's integer IMO into our 7-character text. Problems are reported, never fixed by guessing:
/// the value is kept so that real data is not lost.
/// </summary>
internal static class LegacyImo
{
    public static string Normalise(object? stored, out string? problem)
    {
        problem = null;
        var text = stored switch
        {
            null => "",
            long number => number.ToString(CultureInfo.InvariantCulture),
            double number when number == Math.Floor(number) => ((long)number).ToString(CultureInfo.InvariantCulture),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString()?.Trim() ?? "",
        };
        if (text.Length == 0)
        {
            problem = "IMO is empty";
            return text;
        }
        if (!text.All(char.IsAsciiDigit))
        {
            problem = $"IMO '{text}' is not a 7-digit number";
            return text;
        }
        // The old column was an integer, so an IMO typed with leading zeros lost them; put them back.
        if (text.Length < 7)
        {
            var padded = text.PadLeft(7, '0');
            problem = $"IMO {text} had fewer than 7 digits; stored as {padded}" + CheckDigitProblem(padded);
            return padded;
        }
        if (text.Length > 7)
        {
            problem = $"IMO {text} has more than 7 digits";
            return text;
        }
        var checkProblem = CheckDigitProblem(text);
        problem = checkProblem.Length > 0 ? $"IMO {text}{checkProblem}" : null;
        return text;
    }

    public static bool HasValidCheckDigit(string imo) => imo.Length == 7 && imo.All(char.IsAsciiDigit) && imo[6] - '0' == CheckDigit(imo);

    private static string CheckDigitProblem(string imo) =>
        HasValidCheckDigit(imo) ? "" : $": wrong check digit (the last digit should be {CheckDigit(imo)})";

    private static int CheckDigit(string imo)
    {
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (imo[i] - '0') * (7 - i);
        }
        return sum % 10;
    }
}
