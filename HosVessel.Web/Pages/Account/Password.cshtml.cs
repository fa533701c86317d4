using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HosVessel.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Account;

/// <summary>Any logged-in user changes their own password; their other sessions end, this one stays.</summary>
public sealed class PasswordModel(
    UserStore users,
    AccountPasswords passwords,
    AccountSignIn signIn,
    LoginThrottle throttle,
    ILogger<PasswordModel> logger) : PageModel
{
    public const string WrongCurrentPassword = "현재 비밀번호가 일치하지 않습니다.";
    public const string ConfirmMismatch = "새 비밀번호가 서로 다릅니다.";
    public const string SameAsCurrent = "새 비밀번호가 현재 비밀번호와 같습니다.";

    [BindProperty(Name = "")]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var username = User.Identity?.Name ?? "";
        var sessionId = User.FindFirstValue(AccountsExtensions.SessionClaim);
        if (sessionId is null)
        {
            return Page();
        }
        // The new password's rules first, each beside its field, so one post shows every problem at once.
        if (IsFieldValid(nameof(InputModel.NewPassword)))
        {
            if (AccountRules.PasswordProblem(Input.NewPassword, username) is { } problem)
            {
                ModelState.AddModelError(nameof(InputModel.NewPassword), problem);
            }
            else if (Input.NewPassword == Input.CurrentPassword)
            {
                ModelState.AddModelError(nameof(InputModel.NewPassword), SameAsCurrent);
            }
        }
        if (IsFieldValid(nameof(InputModel.ConfirmPassword)) && Input.NewPassword is not null && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(InputModel.ConfirmPassword), ConfirmMismatch);
        }
        if (!IsFieldValid(nameof(InputModel.CurrentPassword)))
        {
            return Page();
        }
        // A borrowed or stolen session must not become a way to guess the current password without limit.
        // Counted apart from logins, so these guesses cannot lock the user out of signing in.
        var attempt = throttle.TryBegin([LoginThrottle.PasswordChangeKey(username)]);
        if (attempt.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            ModelState.AddModelError(nameof(InputModel.CurrentPassword), string.Format(LoginModel.ThrottledMessage, (seconds + 59) / 60));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
        var user = await signIn.CheckPasswordAsync(username, Input.CurrentPassword!, cancellationToken);
        if (user is null)
        {
            ModelState.AddModelError(nameof(InputModel.CurrentPassword), WrongCurrentPassword);
            return Page();
        }
        throttle.Succeeded(attempt);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await users.ChangePasswordAsync(user.Id, passwords.Hash(Input.NewPassword!), keepSessionId: sessionId, cancellationToken);
        logger.LogInformation("User {Username} changed their password; other sessions ended", username);
        TempData.Success("비밀번호를 바꿨습니다. 다른 곳의 로그인은 모두 종료되었습니다.");
        return RedirectToPage();
    }

    private bool IsFieldValid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "현재 비밀번호를 입력하세요.")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "새 비밀번호를 입력하세요.")]
        public string? NewPassword { get; set; }

        [Required(ErrorMessage = "새 비밀번호를 한 번 더 입력하세요.")]
        public string? ConfirmPassword { get; set; }
    }
}
