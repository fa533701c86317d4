using System.Globalization;
using System.Security.Claims;
using HosVessel.Web.Fleet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Account;

/// <summary>The signed-in user's own page: "내 선박" (who they are in the feed, their teams) and a way to the password form.</summary>
public sealed class IndexModel(MyFleetStore myFleet) : PageModel
{
    public const string TooLong = "100자 이하로 입력하세요.";

    [BindProperty(Name = "supervisor_name")]
    public string? SupervisorName { get; set; }

    [BindProperty(Name = "team_codes")]
    public string? TeamCodes { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await myFleet.GetAsync(UserId, cancellationToken);
        SupervisorName = settings.SupervisorName;
        TeamCodes = settings.TeamCodesText;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SupervisorName?.Trim().Length > MyFleetStore.MaxLength)
        {
            ModelState.AddModelError("supervisor_name", TooLong);
        }
        if (TeamCodes?.Trim().Length > MyFleetStore.MaxLength)
        {
            ModelState.AddModelError("team_codes", TooLong);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var settings = new MyFleetSettings(SupervisorName?.Trim(), MyFleetSettings.ParseTeamCodes(TeamCodes));
        await myFleet.SaveAsync(UserId, settings, cancellationToken);
        TempData.Success(settings.IsSet ? "내 선박 설정을 저장했습니다. 홈 화면이 담당 선박을 먼저 보여 줍니다." : "내 선박 설정을 지웠습니다. 홈 화면이 전체 선대를 보여 줍니다.");
        return RedirectToPage();
    }

    private long UserId => long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
}
