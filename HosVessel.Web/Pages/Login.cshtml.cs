using HosVessel.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

public sealed class LoginModel(AccountSignIn signIn) : PageModel
{
    public const string FailureMessage = "아이디 또는 비밀번호가 일치하지 않습니다.";

    // The form names are the old app's (username, password), so saved logins keep working.
    [BindProperty(Name = "")]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(Input.Username) || string.IsNullOrEmpty(Input.Password)
            ? null
            : await signIn.PasswordSignInAsync(Input.Username, Input.Password, cancellationToken);
        if (user is null)
        {
            ErrorMessage = FailureMessage;
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class InputModel
    {
        public string? Username { get; set; }

        public string? Password { get; set; }
    }
}
