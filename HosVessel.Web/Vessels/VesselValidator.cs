using System.Globalization;
using System.Text.RegularExpressions;

namespace HosVessel.Web.Vessels;

/// <summary>The register's field rules (everything but uniqueness, which needs the database).</summary>
public static partial class VesselValidator
{
    public const int ShipCodeMaxLength = 6;
    private const int TextMaxLength = 50;

    /// <summary>Korean messages keyed by field key; empty when <paramref name="fields"/> (already cleaned) is valid.</summary>
    public static Dictionary<string, string> Validate(VesselFields fields)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in VesselField.All)
        {
            var value = field.Get(fields);
            if (value is null)
            {
                if (field.Required)
                {
                    errors[field.Key] = $"{field.Label}을(를) 입력하세요.";
                }
                continue;
            }
            var max = field.Key == "name" ? VesselName.MaxLength : TextMaxLength;
            if (value.Length > max)
            {
                errors[field.Key] = $"{field.Label}은(는) {max}자 이하로 입력하세요.";
            }
            else if (FormatError(field.Key, value) is { } message)
            {
                errors[field.Key] = message;
            }
        }
        return errors;
    }

    private static string? FormatError(string key, string value) => key switch
    {
        "imo_no" when !Digits7().IsMatch(value) => "IMO 번호는 7자리 숫자입니다.",
        "imo_no" when !ImoNumber.IsValid(value) => "IMO 번호의 검증 숫자(마지막 자리)가 맞지 않습니다.",
        "ship_code" when value.Length > ShipCodeMaxLength => $"선박 코드는 {ShipCodeMaxLength}자 이하로 입력하세요.",
        "ship_code" when !Code().IsMatch(value) => "선박 코드는 영문과 숫자로 입력하세요.",
        "ship_type" when !Code().IsMatch(value) => "선종은 CNTR, TNKR 같은 영문 코드로 입력하세요.",
        "class" when !IsValidClass(value) => "선급은 DNV 또는 DNV/KR 형식으로 입력하세요.",
        "built_year" when !IsValidBuiltYear(value) => "건조 연월은 YYYY-MM 또는 YYYY 형식으로 입력하세요.",
        "internal_audit" when !IsValidDate(value) => "내부 심사일은 YYYY-MM-DD 형식의 날짜로 입력하세요.",
        _ => null,
    };

    /// <summary>One class society or two joined by a slash, e.g. <c>KR</c> or <c>DNV/KR</c>.</summary>
    public static bool IsValidClass(string value) => ClassPattern().IsMatch(value);

    /// <summary><c>YYYY</c> or <c>YYYY-MM</c> with a real month.</summary>
    public static bool IsValidBuiltYear(string value) =>
        BuiltYearPattern().Match(value) is { Success: true } match
        && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1900 and <= 2100
        && (!match.Groups[2].Success || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12);

    /// <summary>A real calendar date written <c>YYYY-MM-DD</c>.</summary>
    public static bool IsValidDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{7}$")]
    private static partial Regex Digits7();

    [GeneratedRegex(@"^[A-Za-z0-9-]+$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[A-Za-z]{2,6}(/[A-Za-z]{2,6})?$")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2}))?$")]
    private static partial Regex BuiltYearPattern();
}
