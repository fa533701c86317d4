using System.ComponentModel.DataAnnotations;
using HosVessel.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Pages.Users;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class SignupModel(UserStore users, AccountPasswords passwords, ILogger<SignupModel> logger) : PageModel
{
    // The old app's form names (username, password, role).
    [BindProperty(Name = "")]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Every field is checked on its own, so one post shows every problem beside its field.
        if (IsFieldValid(nameof(InputModel.Password)) && AccountRules.PasswordProblem(Input.Password, Input.Username) is { } problem)
        {
            ModelState.AddModelError(nameof(InputModel.Password), problem);
        }
        if (IsFieldValid(nameof(InputModel.Username)) && await users.FindByUsernameAsync(Input.Username!, cancellationToken) is not null)
        {
            ModelState.AddModelError(nameof(InputModel.Username), AccountRules.UsernameTaken);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await users.CreateAsync(Input.Username!, passwords.Hash(Input.Password!), Input.Role!, cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
        {
            // Someone created the same name between the check and the insert.
            ModelState.AddModelError(nameof(InputModel.Username), AccountRules.UsernameTaken);
            return Page();
        }
        logger.LogInformation("User {Username} created with role {Role} by {Admin}", Input.Username!.Trim(), Input.Role, User.Identity?.Name);
        TempData.Success($"사용자 {KoreanText.AsObject($"'{Input.Username.Trim()}'")} 만들었습니다.");
        return RedirectToPage("/Users/Index");
    }

    private bool IsFieldValid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;

    public sealed class InputModel
    {
        [Required(ErrorMessage = AccountRules.UsernameRequired)]
        [RegularExpression(AccountRules.UsernamePattern, ErrorMessage = AccountRules.UsernameInvalid)]
        public string? Username { get; set; }

        [Required(ErrorMessage = AccountRules.PasswordRequired)]
        public string? Password { get; set; }

        [Required(ErrorMessage = AccountRules.RoleInvalid)]
        [AllowedValues(Roles.Admin, Roles.Viewer, ErrorMessage = AccountRules.RoleInvalid)]
        public string? Role { get; set; } = Roles.Viewer;
    }
}
