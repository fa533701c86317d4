using Microsoft.AspNetCore.Identity;

namespace HosVessel.Web.Accounts;

/// <summary>Hashes and verifies passwords in ASP.NET Core Identity's format.</summary>
public sealed class AccountPasswords
{
    private readonly PasswordHasher<User> hasher = new();

    // Hashed once, of a random value no one can type: only its cost matters.
    private readonly Lazy<string> dummyHash;

    public AccountPasswords() =>
        dummyHash = new(() => hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    public string Hash(string password) => hasher.HashPassword(null!, password);

    /// <summary>Spends the time of one verification and always fails: the answer for a username that does not exist.</summary>
    public void VerifyDummy(string password) => hasher.VerifyHashedPassword(null!, dummyHash.Value, password);

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
