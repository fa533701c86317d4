namespace HosVessel.Web.Accounts;

/// <summary>The shipped list of the 10,000 most common passwords (see <c>CommonPasswords/README.md</c> for its source).</summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password) => List.Value.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("HosVessel.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in HosVessel.Web.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
