using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Accounts;

public sealed class UserStore(Database database, TimeProvider clock)
{
    private const string Columns = "id, username, password_hash AS PasswordHash, role, security_stamp AS SecurityStamp, created_at AS CreatedAt";

    public async Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(
            $"SELECT {Columns} FROM users WHERE username = @username", new { username = username.Trim() });
    }

    public async Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>($"SELECT {Columns} FROM users WHERE id = @id", new { id });
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<User>($"SELECT {Columns} FROM users ORDER BY username")).AsList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users");
    }

    public async Task<long> CreateAsync(string username, string passwordHash, string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO users (username, password_hash, role, security_stamp, created_at)
            VALUES (@username, @passwordHash, @role, @stamp, @now) RETURNING id
            """,
            new { username = username.Trim(), passwordHash, role, stamp = NewStamp(), now = Now() });
    }

    /// <summary>Stores a new hash; <paramref name="endSessions"/> also signs the user out everywhere.</summary>
    public async Task SetPasswordHashAsync(long userId, string passwordHash, bool endSessions, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE users SET password_hash = @passwordHash WHERE id = @userId", new { userId, passwordHash }, transaction);
        if (endSessions)
        {
            await connection.ExecuteAsync("DELETE FROM user_sessions WHERE user_id = @userId", new { userId }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string> StartSessionAsync(long userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var sessionId = NewStamp();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO user_sessions (id, user_id, created_at, expires_at) VALUES (@sessionId, @userId, @created, @expires)",
            new { sessionId, userId, created = now.ToString("O"), expires = (now + lifetime).ToString("O") });
        return sessionId;
    }

    public async Task<bool> IsSessionActiveAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM user_sessions WHERE id = @sessionId AND expires_at > @now)",
            new { sessionId, now = Now() });
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM user_sessions WHERE id = @sessionId OR expires_at <= @now", new { sessionId, now = Now() });
    }

    private string Now() => clock.GetUtcNow().ToString("O");

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
