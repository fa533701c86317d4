using HosVessel.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

[AllowAnonymous]
public sealed class LogoutModel(AccountSignIn signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(cancellationToken);
        TempData.Success("로그아웃되었습니다.");
        return Redirect("/");
    }
}
