using System.Net;

namespace HosVessel.Web.Accounts;

/// <summary>
/// Counts login attempts in memory, per key: a known device (<see cref="DeviceKey"/>), a username tried from
/// unknown devices (<see cref="UnknownDeviceKey"/>) and a client address (<see cref="AddressKey"/>). After
/// <see cref="MaxFailures"/> failures within <see cref="Window"/> for any key of an attempt, the attempt is refused
/// until the oldest of those failures leaves the window. Memory is bounded by <see cref="MaxTrackedKeys"/>.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public const int MaxTrackedKeys = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, List<Mark>> failures = new(StringComparer.Ordinal);
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

    /// <summary>
    /// Checks and counts an attempt in one step: either every key is under the limit and the attempt is counted
    /// as a failure against each (until <see cref="Succeeded"/> takes it back), or nothing is counted and the wait
    /// is returned. So a burst of parallel guesses gets at most <see cref="MaxFailures"/> password checks.
    /// </summary>
    public LoginAttempt TryBegin(IReadOnlyList<string> keys)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            TimeSpan? wait = null;
            foreach (var key in keys)
            {
                if (failures.TryGetValue(key, out var marks) && Prune(marks, now) >= MaxFailures)
                {
                    var free = marks[0].At + Window - now;
                    wait = wait is { } longest && longest > free ? longest : free;
                }
            }
            if (wait is not null)
            {
                return new LoginAttempt([], wait);
            }
            var counted = new List<(string, Mark)>(keys.Count);
            foreach (var key in keys)
            {
                if (!failures.TryGetValue(key, out var marks))
                {
                    MakeRoom(now);
                    marks = new List<Mark>(MaxFailures);
                    failures[key] = marks;
                }
                var mark = new Mark(now);
                marks.Add(mark);
                counted.Add((key, mark));
            }
            return new LoginAttempt(counted, null);
        }
    }

    /// <summary>
    /// The password was right: the attempt no longer counts, and a known device starts afresh. The counts of the
    /// address and of unknown devices stay, so one good login cannot reset someone else's spray.
    /// </summary>
    public void Succeeded(LoginAttempt attempt)
    {
        lock (gate)
        {
            foreach (var (key, mark) in attempt.Counted)
            {
                if (key.StartsWith(DevicePrefix, StringComparison.Ordinal))
                {
                    failures.Remove(key);
                }
                else if (failures.TryGetValue(key, out var marks))
                {
                    marks.Remove(mark);
                }
            }
        }
    }

    public const string DevicePrefix = "device:";

    public static string DeviceKey(string deviceId) => DevicePrefix + deviceId;

    // Real usernames are at most 32 characters; cutting longer input keeps a megabyte "username" from costing a megabyte here.
    public static string UnknownDeviceKey(string username)
    {
        var trimmed = username.Trim();
        return "user:" + (trimmed.Length > 64 ? trimmed[..64] : trimmed).ToLowerInvariant();
    }

    /// <summary>Guesses at the current password on the change-password page, by a signed-in user.</summary>
    public static string PasswordChangeKey(string username) => "change:" + username.Trim().ToLowerInvariant();

    // One IPv6 host usually owns a whole /64, so counting single addresses there would be no limit at all.
    public static string AddressKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return "ip:" + address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return "ip:" + address;
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "ip:" + new IPAddress(bytes) + "/64";
    }

    private static int Prune(List<Mark> marks, DateTimeOffset now)
    {
        marks.RemoveAll(mark => mark.At + Window <= now);
        return marks.Count;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (failures.Count < MaxTrackedKeys)
        {
            return;
        }
        foreach (var (key, marks) in failures)
        {
            if (Prune(marks, now) == 0)
            {
                failures.Remove(key);
            }
        }
        if (failures.Count < MaxTrackedKeys)
        {
            return;
        }
        // Still full of live entries (a spray from many addresses): forget the stalest one.
        var stalest = failures.MinBy(entry => entry.Value.Count == 0 ? DateTimeOffset.MinValue : entry.Value[^1].At).Key;
        failures.Remove(stalest);
    }

    // A class (reference equality), so taking back one attempt removes exactly its own entry.
    internal sealed class Mark(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;
    }

    /// <summary>An attempt that was counted (<see cref="RetryAfter"/> null) or refused (how long to wait).</summary>
    public sealed class LoginAttempt
    {
        internal LoginAttempt(IReadOnlyList<(string Key, Mark Mark)> counted, TimeSpan? retryAfter)
        {
            Counted = counted;
            RetryAfter = retryAfter;
        }

        internal IReadOnlyList<(string Key, Mark Mark)> Counted { get; }

        public TimeSpan? RetryAfter { get; }
    }
}
