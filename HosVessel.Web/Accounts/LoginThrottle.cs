using System.Net;

namespace HosVessel.Web.Accounts;

/// <summary>
/// Counts failed logins per username and per client IP in memory. After <see cref="MaxFailures"/>
/// failures within <see cref="Window"/> for either key, further attempts are refused until the oldest
/// of those failures leaves the window. Memory is bounded by <see cref="MaxTrackedKeys"/>.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public const int MaxTrackedKeys = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public int TrackedKeyCount
    {
        get
        {
            lock (gate)
            {
                return failures.Count;
            }
        }
    }

    /// <summary>How long the caller must wait before trying again, or null when an attempt is allowed.</summary>
    public TimeSpan? RetryAfter(string username, IPAddress? clientIp)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            TimeSpan? wait = null;
            foreach (var key in Keys(username, clientIp))
            {
                if (failures.TryGetValue(key, out var times) && Prune(times, now) >= MaxFailures)
                {
                    var free = times.Peek() + Window - now;
                    wait = wait is { } longest && longest > free ? longest : free;
                }
            }
            return wait;
        }
    }

    public void RecordFailure(string username, IPAddress? clientIp)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            foreach (var key in Keys(username, clientIp))
            {
                if (!failures.TryGetValue(key, out var times))
                {
                    MakeRoom(now);
                    times = new Queue<DateTimeOffset>(MaxFailures);
                    failures[key] = times;
                }
                Prune(times, now);
                // Only the newest MaxFailures matter for the decision, so older ones are dropped.
                if (times.Count == MaxFailures)
                {
                    times.Dequeue();
                }
                times.Enqueue(now);
            }
        }
    }

    /// <summary>A correct password clears the username's count; the IP's count stays so one good account cannot reset a spray.</summary>
    public void RecordSuccess(string username)
    {
        lock (gate)
        {
            failures.Remove(UsernameKey(username));
        }
    }

    private int Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
        return times.Count;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (failures.Count < MaxTrackedKeys)
        {
            return;
        }
        foreach (var (key, times) in failures)
        {
            if (Prune(times, now) == 0)
            {
                failures.Remove(key);
            }
        }
        if (failures.Count < MaxTrackedKeys)
        {
            return;
        }
        // Still full of live entries (a spray from many addresses): forget the stalest one.
        var stalest = failures.MinBy(entry => entry.Value.Last()).Key;
        failures.Remove(stalest);
    }

    private static IEnumerable<string> Keys(string username, IPAddress? clientIp)
    {
        yield return UsernameKey(username);
        if (clientIp is not null)
        {
            yield return "ip:" + ClientKey(clientIp);
        }
    }

    // One IPv6 host usually owns a whole /64, so counting single addresses there would be no limit at all.
    private static string ClientKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // Real usernames are at most 32 characters; cutting longer input keeps a megabyte "username" from costing a megabyte here.
    private static string UsernameKey(string username)
    {
        var trimmed = username.Trim();
        return "user:" + (trimmed.Length > 64 ? trimmed[..64] : trimmed).ToLowerInvariant();
    }
}
