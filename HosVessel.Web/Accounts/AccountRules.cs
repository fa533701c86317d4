namespace HosVessel.Web.Accounts;

/// <summary>Username and password rules shared by sign-up, password reset and password change, with their Korean messages.</summary>
public static class AccountRules
{
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;
    public const string UsernamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$";

    public const string UsernameRequired = "아이디를 입력하세요.";
    public const string UsernameInvalid = "아이디는 영문자나 숫자로 시작하는 3~32자이며, 영문자, 숫자, '.', '_', '-'만 쓸 수 있습니다.";
    public const string UsernameTaken = "이미 사용 중인 아이디입니다.";
    public const string PasswordRequired = "비밀번호를 입력하세요.";
    public const string PasswordLength = "비밀번호는 10자 이상 128자 이하로 입력하세요.";
    public const string PasswordSameAsUsername = "아이디와 같은 비밀번호는 쓸 수 없습니다.";
    public const string PasswordCommon = "널리 알려진 비밀번호라 쓸 수 없습니다. 다른 비밀번호를 입력하세요.";
    public const string RoleInvalid = "권한을 선택하세요.";

    /// <summary>
    /// The Korean reason a new password is refused, or null when it is acceptable. Only new and changed
    /// passwords are checked: stored ones (including the old app's) keep working whatever they are.
    /// </summary>
    public static string? PasswordProblem(string? password, string? username)
    {
        if (string.IsNullOrEmpty(password))
        {
            return PasswordRequired;
        }
        if (password.Length is < PasswordMinLength or > PasswordMaxLength)
        {
            return PasswordLength;
        }
        if (username is not null && string.Equals(password, username.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return PasswordSameAsUsername;
        }
        if (CommonPasswords.Contains(password))
        {
            return PasswordCommon;
        }
        return null;
    }

    public static string RoleLabel(string role) => role == Roles.Admin ? "관리자" : "조회 전용";
}
