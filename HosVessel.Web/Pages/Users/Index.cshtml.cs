using System.Security.Claims;
using HosVessel.Web.Accounts;
using HosVessel.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Users;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class IndexModel(UserStore users, AccountPasswords passwords, ILogger<IndexModel> logger) : PageModel
{
    public const string LastAdminMessage = "마지막 관리자입니다. 다른 사용자를 관리자로 지정한 뒤 다시 시도하세요.";
    public const string SelfMessage = "본인 계정의 권한 변경과 삭제는 할 수 없습니다. 다른 관리자에게 요청하세요.";
    public const string SelfPasswordMessage = "본인 비밀번호는 비밀번호 변경 화면에서 바꾸세요.";
    public const string NotFoundMessage = "사용자를 찾을 수 없습니다.";

    [BindProperty(SupportsGet = true, Name = "")]
    public UserQuery Query { get; set; } = new();

    public PaginatedList<UserRow> Users { get; private set; } = new([], 0, 1, UserQuery.PageSize);

    public long CurrentUserId => long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await users.SearchAsync(Query, cancellationToken);
        Users = new PaginatedList<UserRow>(
            [.. page.Items.Select(user => new UserRow(user.Id, user.Username, user.Role, user.CreatedAt, user.Id == CurrentUserId))],
            page.TotalCount, page.PageIndex, page.PageSize);
    }

    public async Task<IActionResult> OnPostRoleAsync(long id, string? role, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(role))
        {
            TempData.Error(AccountRules.RoleInvalid);
            return RedirectToPage();
        }
        if (id == CurrentUserId)
        {
            TempData.Error(await SelfRefusalAsync(cancellationToken));
            return RedirectToPage();
        }
        var user = await users.FindByIdAsync(id, cancellationToken);
        var outcome = user is null ? UserChange.NotFound : await users.ChangeRoleAsync(id, role!, cancellationToken);
        if (outcome == UserChange.Done)
        {
            logger.LogInformation("User {Username} set to role {Role} by {Admin}", user!.Username, role, User.Identity?.Name);
            TempData.Success($"'{user.Username}'의 권한을 {KoreanText.AsDirection(AccountRules.RoleLabel(role!))} 바꿨습니다.");
        }
        else
        {
            TempData.Error(Describe(outcome));
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(long id, string? password, CancellationToken cancellationToken)
    {
        if (id == CurrentUserId)
        {
            TempData.Error(SelfPasswordMessage);
            return RedirectToPage();
        }
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            TempData.Error(NotFoundMessage);
            return RedirectToPage();
        }
        if (AccountRules.PasswordProblem(password, user.Username) is { } problem)
        {
            TempData.Error(problem);
            return RedirectToPage();
        }
        await users.SetPasswordHashAsync(id, passwords.Hash(password!), endSessions: true, cancellationToken);
        logger.LogInformation("Password of {Username} reset by {Admin}; their sessions ended", user.Username, User.Identity?.Name);
        TempData.Success($"'{user.Username}'의 비밀번호를 재설정했습니다. 기존 로그인은 모두 종료되었습니다.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (id == CurrentUserId)
        {
            TempData.Error(await SelfRefusalAsync(cancellationToken));
            return RedirectToPage();
        }
        var user = await users.FindByIdAsync(id, cancellationToken);
        var outcome = user is null ? UserChange.NotFound : await users.DeleteAsync(id, cancellationToken);
        if (outcome == UserChange.Done)
        {
            logger.LogInformation("User {Username} deleted by {Admin}", user!.Username, User.Identity?.Name);
            TempData.Success($"사용자 {KoreanText.AsObject($"'{user.Username}'")} 삭제했습니다.");
        }
        else
        {
            TempData.Error(Describe(outcome));
        }
        return RedirectToPage();
    }

    // An admin never demotes or deletes themselves here (that would lock them out mid-session); when they are
    // also the only admin, say so, because that is the reason that matters.
    private async Task<string> SelfRefusalAsync(CancellationToken cancellationToken)
    {
        return await users.HasOtherAdminAsync(CurrentUserId, cancellationToken) ? SelfMessage : LastAdminMessage;
    }

    public static string PageUrl(int page) => ListQuery.Url("/users", new ListQuery().Values(page));

    private static string Describe(UserChange outcome) => outcome == UserChange.LastAdmin ? LastAdminMessage : NotFoundMessage;

    public sealed record UserRow(long Id, string Username, string Role, string CreatedAt, bool IsCurrentUser)
    {
        public string CreatedDate => DateTimeOffset.TryParse(CreatedAt, out var created)
            ? created.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd")
            : CreatedAt;
    }
}
