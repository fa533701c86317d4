using HosVessel.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages;

public sealed class LoginModel(AccountSignIn signIn) : PageModel
{
    public const string FailureMessage = "아이디 또는 비밀번호가 일치하지 않습니다.";
    public const string ThrottledMessage = "로그인 시도가 너무 많습니다. {0}분 후에 다시 시도해 주세요.";

    // The form names are the old app's (username, password), so saved logins keep working.
    [BindProperty(Name = "")]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    // Someone already signed in (a bookmarked /login, the back button) goes where they were headed.
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Decided before the password is checked: a target the Location header cannot carry must not fail after sign-in.
        var target = SafeReturnUrl();
        var result = string.IsNullOrWhiteSpace(Input.Username) || string.IsNullOrEmpty(Input.Password)
            ? new LoginResult(LoginResultKind.Failure)
            : await signIn.PasswordSignInAsync(Input.Username, Input.Password, Input.Remember, target, cancellationToken);
        switch (result.Kind)
        {
            case LoginResultKind.Success:
                return LocalRedirect(target);
            case LoginResultKind.Throttled:
                var seconds = (int)Math.Ceiling(result.RetryAfter!.Value.TotalSeconds);
                ErrorMessage = string.Format(ThrottledMessage, (seconds + 59) / 60);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page();
            default:
                ErrorMessage = FailureMessage;
                return Page();
        }
    }

    // IsLocalUrl refuses "//host" and "/\\host", which browsers treat as other sites. Header values must be ASCII,
    // so "/vessel/list?name=현대" is sent percent-encoded; control characters make it no target at all.
    private string SafeReturnUrl()
    {
        // Back to the login form would loop for someone already signed in.
        if (!Url.IsLocalUrl(ReturnUrl) || ReturnUrl.Any(char.IsControl) || IsLoginPage(ReturnUrl))
        {
            return "/";
        }
        var encoded = new System.Text.StringBuilder(ReturnUrl.Length);
        foreach (var rune in ReturnUrl.EnumerateRunes())
        {
            encoded.Append(rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        }
        return encoded.ToString();
    }

    private static bool IsLoginPage(string url) =>
        new PathString(url.Split('?', '#')[0].TrimEnd('/')).Equals("/login", StringComparison.OrdinalIgnoreCase);

    public sealed class InputModel
    {
        /// <summary>"로그인 유지".</summary>
        public bool Remember { get; set; }

        public string? Username { get; set; }

        public string? Password { get; set; }
    }
}
