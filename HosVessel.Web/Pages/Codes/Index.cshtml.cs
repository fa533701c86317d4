using HosVessel.Web.Accounts;
using HosVessel.Web.Codes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Codes;

/// <summary><c>/codes</c>: the Korean name of every code, the codes in use that still need one first.</summary>
[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class IndexModel(CodeStore codes, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>The hidden <c>form</c> value of the "새 코드" form, so its refused input is shown back there.</summary>
    public const string NewForm = "new";

    public CodeOverview Overview { get; private set; } = new([]);

    /// <summary>A refused form's input as typed, shown back in the form it came from, with <see cref="Errors"/>.</summary>
    public CodeInput? Refused { get; private set; }

    public bool RefusedFromNewForm { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await codes.OverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(string? kind, string? code, string? name, string? form, CancellationToken cancellationToken)
    {
        var result = await codes.SaveAsync(new CodeInput(kind, code, name), cancellationToken);
        if (!result.Succeeded)
        {
            Refused = new CodeInput(kind, code, name);
            RefusedFromNewForm = form == NewForm;
            Errors = result.Errors;
            Overview = await codes.OverviewAsync(cancellationToken);
            return Page();
        }
        logger.LogInformation("Code {Kind} {Code} named {Name} (was {Previous}) by {Admin}",
            result.Kind!.Key, result.Code, result.Name, result.PreviousName, User.Identity?.Name);
        TempData.Success(result.PreviousName is null
            ? $"{result.Kind.Title} {result.Code}의 이름을 저장했습니다: {result.Name}"
            : $"{result.Kind.Title} {result.Code}의 이름을 바꿨습니다: {result.PreviousName} → {result.Name}");
        return Redirect($"/codes#{result.Kind.Key}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        if (CodeKinds.Find(kind) is not { } info)
        {
            TempData.Error(CodeRules.KindUnknown(kind));
            return Redirect("/codes");
        }
        var normalised = CodeKinds.Normalise(code) ?? "";
        if (await codes.DeleteAsync(info.Kind, normalised, cancellationToken))
        {
            logger.LogInformation("Name of code {Kind} {Code} removed by {Admin}", info.Key, normalised, User.Identity?.Name);
            TempData.Success($"{info.Title} {normalised}의 이름을 지웠습니다.");
        }
        else
        {
            TempData.Error($"{info.Title} {normalised}에는 지울 이름이 없습니다.");
        }
        return Redirect($"/codes#{info.Key}");
    }

    /// <summary>The refused form was one of these rows' (their fold then opens, showing the message).</summary>
    public bool RefusedIn(IEnumerable<CodeEntry> entries) => entries.Any(entry => Row(entry, showKind: false).Error is not null);

    /// <summary>The refused name for this row, when the refused form was this row's; else the stored name.</summary>
    public CodeRowView Row(CodeEntry entry, bool showKind)
    {
        var key = CodeKinds.Of(entry.Kind).Key;
        var refused = !RefusedFromNewForm && Refused is { } input && CodeKinds.Find(input.Kind)?.Kind == entry.Kind
            && CodeKinds.Normalise(input.Code) == entry.Code;
        return new CodeRowView(entry, key, showKind, refused ? Refused!.Name : entry.Name, refused ? Errors.GetValueOrDefault("name") : null);
    }
}

/// <summary>One row of <c>/codes</c>: the code, its name input (as typed when refused) and its message.</summary>
public sealed record CodeRowView(CodeEntry Entry, string KindKey, bool ShowKind, string? Name, string? Error);
