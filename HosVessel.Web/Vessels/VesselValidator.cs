using System.Globalization;
using System.Text.RegularExpressions;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The register's field rules (everything but uniqueness, which needs the database). A value is refused only
/// when it cannot be what it claims (a wrong IMO check digit, a month 13); each message says which value, why,
/// and what would be accepted. Conventions (how a dual class is written, case, spacing) are normalised by
/// <see cref="VesselFields.Cleaned"/> or reported by <see cref="Warnings"/>, never refused.
/// </summary>
public static partial class VesselValidator
{
    public const int ShipCodeMaxLength = 6;
    public const int TextMaxLength = 50;

    /// <summary>The class societies people write in the register: the IACS members and a few common others.</summary>
    public static readonly IReadOnlySet<string> KnownSocieties = new HashSet<string>(StringComparer.Ordinal)
    {
        "ABS", "BV", "CCS", "CRS", "DNV", "DNV GL", "GL", "IRS", "KR", "LR", "NK", "PRS", "RINA", "RS", "TL", "HR", "NKK", "VR", "BKI",
    };

    /// <summary>Korean messages keyed by field key; empty when <paramref name="fields"/> (already cleaned) is valid.</summary>
    public static Dictionary<string, string> Validate(VesselFields fields)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in VesselFieldTable.All)
        {
            var value = field.Get(fields);
            if (value is null)
            {
                if (field.Required)
                {
                    errors[field.Key] = $"{KoreanText.AsObject(field.Label)} 입력하세요. 예: {field.Example}";
                }
                continue;
            }
            if (value.Length > field.MaxLength)
            {
                errors[field.Key] = $"{field.Label} {KoreanText.AsTopic($"'{Shown(value)}'")} {value.Length}자입니다. {field.MaxLength}자 이하로 입력하세요.";
            }
            else if (field.Rule(field, value) is { } message)
            {
                errors[field.Key] = message;
            }
        }
        return errors;
    }

    /// <summary>Korean notes on values that are accepted but look unusual, keyed by field key.</summary>
    public static Dictionary<string, string> Warnings(VesselFields fields)
    {
        var warnings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields.Class is { } value && IsValidClass(value))
        {
            var unknown = ClassSocieties(value).Where(society => !KnownSocieties.Contains(society)).ToList();
            if (unknown.Count > 0)
            {
                warnings["class"] = $"선급 '{value}'의 {KoreanText.AsTopic(string.Join(", ", unknown))} 흔히 쓰는 선급 약어가 아닙니다 " +
                    $"({string.Join(", ", KnownSocieties.Order())}). 오타가 아닌지 확인하세요.";
            }
        }
        return warnings;
    }

    // The field rules the table names: each gets a cleaned, non-empty value and says why it cannot be true.
    internal static string? Imo(VesselField field, string value) =>
        !Digits7().IsMatch(value) ? $"IMO 번호 {KoreanText.AsTopic($"'{Shown(value)}'")} 7자리 숫자가 아닙니다. 예: {field.Example}"
        : !ImoNumber.IsValid(value)
            ? $"IMO 번호 '{value}'의 마지막 자리(검증 숫자)가 맞지 않습니다. 앞 여섯 자리가 {KoreanText.WithParticle(value[..6], "이면", "면")} 마지막 자리는 {KoreanText.WithParticle(ImoNumber.CheckDigit(value.AsSpan(0, 6)).ToString(CultureInfo.InvariantCulture), "이어야", "여야")} 합니다."
            : null;

    internal static string? ShipCode(VesselField field, string value) =>
        CodePattern().IsMatch(value) ? null : $"선박 코드 '{Shown(value)}'에 영문, 숫자, '-' 밖의 글자가 있습니다. 예: {field.Example}";

    internal static string? ShipType(VesselField field, string value) =>
        TypeCode().IsMatch(value) ? null : $"선종 '{Shown(value)}'에 영문, 숫자, '-', '/' 밖의 글자가 있습니다. CNTR, TNKR, B/C 같은 코드로 입력하세요.";

    internal static string? ClassRule(VesselField field, string value) =>
        IsValidClass(value) ? null : $"선급 {KoreanText.AsTopic($"'{Shown(value)}'")} 선급 약어로 읽을 수 없습니다. KR, DNV/KR, LR+KR처럼 영문 약어를 '/'나 '+'로 이어 입력하세요.";

    internal static string? BuiltYear(VesselField field, string value) => IsValidBuiltYear(value) ? null :
        $"건조 연월 {KoreanText.AsTopic($"'{Shown(value)}'")} 날짜가 아닙니다. YYYY-MM 또는 YYYY 형식(1900~2100년, 1~12월)으로 입력하세요. 예: {field.Example}";

    internal static string? Date(VesselField field, string value) => IsValidDate(value) ? null :
        $"{field.Label} {KoreanText.AsTopic($"'{Shown(value)}'")} 실제 날짜가 아닙니다. YYYY-MM-DD 형식으로 입력하세요. 예: {field.Example}";

    // The cleaners the table names: trimmed, empty meaning none; codes upper-cased.
    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string? Code(string? value) => Text(value)?.ToUpperInvariant();

    // "dnv / kr", "DNV/KR" and "DNV  /KR" are the same dual class; "LR+KR" keeps its '+', which is how its owner writes it.
    internal static string? Class(string? value) =>
        Text(value) is { } text
            ? string.Join("", ClassSeparator().Split(text).Select(part => part is "/" or "+" ? part : Spaces().Replace(part.Trim(), " ").ToUpperInvariant()))
            : null;

    /// <summary>
    /// One or more societies joined by '/' or '+' (<c>KR</c>, <c>DNV/KR</c>, <c>LR+KR</c>, <c>KR/ABS</c>), each a
    /// short run of letters (a space inside is allowed: <c>DNV GL</c>). Whether the society is a known one is a warning.
    /// </summary>
    public static bool IsValidClass(string value) => ClassPattern().IsMatch(value);

    private static IEnumerable<string> ClassSocieties(string value) => value.Split('/', '+').Select(part => part.Trim());

    /// <summary><c>YYYY</c> or <c>YYYY-MM</c> with a real month.</summary>
    public static bool IsValidBuiltYear(string value) =>
        BuiltYearPattern().Match(value) is { Success: true } match
        && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1900 and <= 2100
        && (!match.Groups[2].Success || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12);

    /// <summary>A real calendar date written <c>YYYY-MM-DD</c>.</summary>
    public static bool IsValidDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // Messages quote the value; a pasted paragraph is cut so the message stays readable.
    private static string Shown(string value) => value.Length <= 30 ? value : value[..30] + "…";

    [GeneratedRegex(@"^\d{7}$")]
    private static partial Regex Digits7();

    [GeneratedRegex(@"^[A-Za-z0-9-]+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\s*([/+])\s*")]
    private static partial Regex ClassSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[A-Za-z0-9/-]+$")]
    private static partial Regex TypeCode();

    [GeneratedRegex(@"^[A-Za-z]{2,8}( [A-Za-z]{2,8})?([/+][A-Za-z]{2,8}( [A-Za-z]{2,8})?){0,3}$")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2}))?$")]
    private static partial Regex BuiltYearPattern();
}
