namespace HosVessel.Web.Vessels;

/// <summary>IMO ship identification numbers: seven digits whose last is a check digit.</summary>
public static class ImoNumber
{
    /// <summary>True for seven digits where the first six weighted 7..2, summed, mod 10 equal the seventh.</summary>
    public static bool IsValid(string? imo)
    {
        if (imo is null || imo.Length != 7 || !imo.All(char.IsAsciiDigit))
        {
            return false;
        }
        return CheckDigit(imo.AsSpan(0, 6)) == imo[6] - '0';
    }

    /// <summary>The check digit for six leading digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstSix)
    {
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (firstSix[i] - '0') * (7 - i);
        }
        return sum % 10;
    }

    /// <summary>Accepts an optional "IMO" prefix and surrounding spaces, as people paste them.</summary>
    public static string? Clean(string? imo)
    {
        if (string.IsNullOrWhiteSpace(imo))
        {
            return null;
        }
        var trimmed = imo.Trim();
        if (trimmed.StartsWith("IMO", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[3..].Trim();
        }
        return trimmed;
    }
}
