using System.Data;
using Dapper;

namespace HosVessel.Web.Data;

/// <summary>The owner of <c>app_meta</c>: small named facts (the last push, the legacy import's record).</summary>
public static class AppMeta
{
    public static Task<string?> GetAsync(IDbConnection connection, string key, IDbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<string?>("SELECT value FROM app_meta WHERE key = @key", new { key }, transaction);

    public static Task SetAsync(DatabaseWrite write, string key, string value) =>
        write.Connection.ExecuteAsync(
            "INSERT INTO app_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, write.Transaction);

    public static Task DeleteAsync(DatabaseWrite write, params string[] keys) =>
        write.Connection.ExecuteAsync("DELETE FROM app_meta WHERE key IN @keys", new { keys }, write.Transaction);
}
