namespace HosVessel.Web.Codes;

/// <summary>A code and its name as typed on <c>/codes</c>, kept as typed so a refused form shows it back.</summary>
public sealed record CodeInput(string? Kind, string? Code, string? Name);

/// <summary>
/// What a code's name may be. Refused only what cannot be stored meaningfully: no kind we know, no code, no name, or
/// one too long to show beside a code. Each message names the problem in Korean and says what would be accepted.
/// </summary>
public static class CodeRules
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 40;

    public const string CodeRequired = "코드를 입력하세요. 예: KOR, CT1";
    public const string NameRequired = "이름을 입력하세요. 예: 대한민국, 컨테이너선";

    public static string KindUnknown(string? kind) =>
        $"알 수 없는 코드 종류입니다: '{Shown(kind)}'. {string.Join(", ", CodeKinds.All.Select(k => k.Title))} 중에서 고르세요.";

    public static string CodeTooLong(string code) => $"코드가 {code.Length}자입니다. {CodeMaxLength}자 이하로 입력하세요.";

    public static string NameTooLong(string name) => $"이름이 {name.Length}자입니다. {NameMaxLength}자 이하로 줄여 입력하세요.";

    public static string Combined(string code) =>
        $"여러 선급을 이은 값입니다: '{Shown(code)}'. 선급은 하나씩 등록하세요 (예: LR+KR이면 LR과 KR을 따로).";

    /// <summary>Added to the save message when the vessel brought codes nobody has named yet (empty when none).</summary>
    public static string NewCodesNote(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? "" : $" 이름이 없는 새 코드: {string.Join(", ", codes)}. 코드 관리에서 이름을 붙일 수 있습니다.";

    /// <summary>Korean messages keyed by form field (<c>kind</c>, <c>code</c>, <c>name</c>); empty when acceptable.</summary>
    public static Dictionary<string, string> Validate(CodeInput input, out CodeKindInfo? kind, out string code, out string name)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        kind = CodeKinds.Find(input.Kind);
        code = CodeKinds.Normalise(input.Code) ?? "";
        name = input.Name?.Trim() ?? "";
        if (kind is null)
        {
            errors["kind"] = KindUnknown(input.Kind);
        }
        if (code.Length == 0)
        {
            errors["code"] = CodeRequired;
        }
        else if (code.Length > CodeMaxLength)
        {
            errors["code"] = CodeTooLong(code);
        }
        else if (kind is { Combined: true } && CodeKinds.Parts(kind.Kind, code).Count > 1)
        {
            errors["code"] = Combined(code);
        }
        if (name.Length == 0)
        {
            errors["name"] = NameRequired;
        }
        else if (name.Length > NameMaxLength)
        {
            errors["name"] = NameTooLong(name);
        }
        return errors;
    }

    private static string Shown(string? value) => value is null ? "" : value.Length <= 30 ? value : value[..30] + "…";
}
