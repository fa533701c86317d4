using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HosVessel.Web.Accounts;
using Org.BouncyCastle.Crypto.Generators;

namespace HosVessel.Web.Legacy;

/// <summary>
/// Verifies the Flask app's Werkzeug hashes (<c>pbkdf2:sha256:iter$salt$hex</c>, <c>scrypt:N:r:p$salt$hex</c>)
/// so old users keep their passwords; a success asks the caller to rehash into our own format.
/// </summary>
public static class WerkzeugPasswordHash
{
    // Hashes come from a file we import, not from us: cap the cost so a hostile row cannot stall login.
    public const int MaxPbkdf2Iterations = 10_000_000;
    public const int MaxScryptN = 1 << 20;
    private const long MaxScryptMemoryBytes = 256L * 1024 * 1024;
    private const int MaxScryptParallelism = 16;

    public static bool IsWerkzeugFormat(string? hash) =>
        hash is not null && (hash.StartsWith("pbkdf2:", StringComparison.Ordinal) || hash.StartsWith("scrypt:", StringComparison.Ordinal));

    /// <summary>True when <paramref name="hash"/> is a Werkzeug hash this class can check within the cost limits.</summary>
    public static bool IsSupported(string? hash) => Parse(hash) is not null;

    public static PasswordCheck Verify(string hash, string password)
    {
        var parsed = Parse(hash);
        if (parsed is null)
        {
            return PasswordCheck.UnknownFormat;
        }
        byte[] actual;
        try
        {
            actual = parsed.Derive(Encoding.UTF8.GetBytes(password));
        }
        catch (ArgumentException)
        {
            return PasswordCheck.UnknownFormat;
        }
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Expected)
            ? PasswordCheck.ValidNeedsRehash
            : PasswordCheck.Invalid;
    }

    private static ParsedHash? Parse(string? hash)
    {
        var parts = hash?.Split('$');
        if (parts is not [var method, var salt, var hex] || salt.Length == 0 || hex.Length == 0 || hex.Length > 512)
        {
            return null;
        }
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
        var saltBytes = Encoding.UTF8.GetBytes(salt);
        var settings = method.Split(':');
        return settings switch
        {
            ["pbkdf2", var algorithm, var iterations] => ParsePbkdf2(algorithm, iterations, saltBytes, expected),
            ["scrypt", var n, var r, var p] => ParseScrypt(n, r, p, saltBytes, expected),
            _ => null,
        };
    }

    private static ParsedHash? ParsePbkdf2(string algorithm, string iterationsText, byte[] salt, byte[] expected)
    {
        HashAlgorithmName? name = algorithm switch
        {
            "sha256" => HashAlgorithmName.SHA256,
            "sha512" => HashAlgorithmName.SHA512,
            "sha1" => HashAlgorithmName.SHA1,
            _ => null,
        };
        var digestBytes = algorithm switch { "sha256" => 32, "sha512" => 64, _ => 20 };
        if (name is not { } hashName || !TryPositive(iterationsText, out var iterations)
            || iterations > MaxPbkdf2Iterations || expected.Length != digestBytes)
        {
            return null;
        }
        return new ParsedHash(expected, password => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, hashName, expected.Length));
    }

    private static ParsedHash? ParseScrypt(string nText, string rText, string pText, byte[] salt, byte[] expected)
    {
        if (!TryPositive(nText, out var n) || !TryPositive(rText, out var r) || !TryPositive(pText, out var p)
            || n < 2 || n > MaxScryptN || !int.IsPow2(n) || p > MaxScryptParallelism
            || 128L * n * r > MaxScryptMemoryBytes || expected.Length != 64)
        {
            return null;
        }
        return new ParsedHash(expected, password => SCrypt.Generate(password, salt, n, r, p, expected.Length));
    }

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private sealed record ParsedHash(byte[] Expected, Func<byte[], byte[]> Derive);
}
