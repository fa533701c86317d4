using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Accounts;

public sealed class UserStore(Database database, TimeProvider clock, SessionCache sessions)
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
        if (endSessions)
        {
            sessions.SessionsChanged();
        }
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

    /// <summary>The current role of the session's user, or null when the session has ended or expired.</summary>
    public async Task<string?> FindActiveSessionRoleAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(
            """
            SELECT u.role FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = @sessionId AND s.expires_at > @now
            """,
            new { sessionId, now = Now() });
    }

    /// <summary>Stores a new hash and ends every session of the user except <paramref name="keepSessionId"/>.</summary>
    public async Task ChangePasswordAsync(long userId, string passwordHash, string keepSessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE users SET password_hash = @passwordHash WHERE id = @userId", new { userId, passwordHash }, transaction);
        await connection.ExecuteAsync(
            "DELETE FROM user_sessions WHERE user_id = @userId AND id <> @keepSessionId", new { userId, keepSessionId }, transaction);
        await transaction.CommitAsync(cancellationToken);
        sessions.SessionsChanged();
    }

    // The admin check sits inside the single UPDATE/DELETE so two admins demoting each other at once cannot both win.
    public async Task<UserChange> ChangeRoleAsync(long userId, string role, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE users SET role = @role
            WHERE id = @userId AND (@role = 'admin' OR EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND id <> @userId))
            """,
            new { userId, role });
        if (changed > 0)
        {
            sessions.SessionsChanged();
            return UserChange.Done;
        }
        return await WhyUnchangedAsync(connection, userId);
    }

    public async Task<UserChange> DeleteAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM user_sessions WHERE user_id = @userId", new { userId }, transaction);
        var deleted = await connection.ExecuteAsync(
            """
            DELETE FROM users
            WHERE id = @userId AND (role <> 'admin' OR EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND id <> @userId))
            """,
            new { userId }, transaction);
        if (deleted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await WhyUnchangedAsync(connection, userId);
        }
        await transaction.CommitAsync(cancellationToken);
        sessions.SessionsChanged();
        return UserChange.Done;
    }

    private static async Task<UserChange> WhyUnchangedAsync(System.Data.Common.DbConnection connection, long userId) =>
        await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM users WHERE id = @userId)", new { userId })
            ? UserChange.LastAdmin
            : UserChange.NotFound;

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
        sessions.SessionsChanged();
    }

    private string Now() => clock.GetUtcNow().ToString("O");

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

public enum UserChange
{
    Done,
    NotFound,
    LastAdmin,
}
