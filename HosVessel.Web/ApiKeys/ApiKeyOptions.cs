using System.Security.Cryptography;
using System.Text;

namespace HosVessel.Web.ApiKeys;

/// <summary>The shared key n8n sends in <c>X-API-Key</c>; configured as <c>API_KEY</c> like the old app.</summary>
public sealed class ApiKeyOptions
{
    public const string HeaderName = "X-API-Key";

    public string? Key { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key);

    public bool Matches(string? presented)
    {
        if (!IsConfigured || string.IsNullOrEmpty(presented))
        {
            return false;
        }
        // Hashing first makes the comparison constant-time even when the lengths differ.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(Key!)));
    }
}
