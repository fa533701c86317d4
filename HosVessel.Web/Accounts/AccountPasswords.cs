using Microsoft.AspNetCore.Identity;

namespace HosVessel.Web.Accounts;

/// <summary>Hashes and verifies passwords in ASP.NET Core Identity's format.</summary>
public sealed class AccountPasswords
{
    private readonly PasswordHasher<User> hasher = new();

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public PasswordCheck Verify(User user, string password)
    {
        if (Legacy.WerkzeugPasswordHash.IsWerkzeugFormat(user.PasswordHash))
        {
            return Legacy.WerkzeugPasswordHash.Verify(user.PasswordHash, password);
        }
        try
        {
            return hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Valid,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidNeedsRehash,
                _ => PasswordCheck.Invalid,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.UnknownFormat;
        }
    }
}

public enum PasswordCheck
{
    Invalid,
    Valid,
    ValidNeedsRehash,
    UnknownFormat,
}
