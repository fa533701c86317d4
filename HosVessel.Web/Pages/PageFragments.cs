using System.Collections.Concurrent;
using System.Globalization;
using HosVessel.Web.Accounts;
using HosVessel.Web.Data;
using Microsoft.AspNetCore.Mvc.TagHelpers;

namespace HosVessel.Web.Pages;

/// <summary>
/// The key and age of a page body kept rendered by <c><c>&lt;cache vary-by="@Model.Fragment"&gt;</c>lt;cache vary-by="@Model.Fragment.Key"<c>&lt;cache vary-by="@Model.Fragment"&gt;</c>gt;</c>. Rendering a list
/// or a vessel page was a fifth to two fifths of its CPU, for markup that changes only when data changes. The key
/// holds everything the markup depends on besides the page itself:
/// <list type="bullet">
/// <item>the writes this process has committed (<see cref="Database.CommittedWrites"/>), so an edit, a push or a code
/// renamed here shows on the very next view;</item>
/// <item>the viewer's role, as admins see other controls (and unnamed codes);</item>
/// <item>what the page was asked for (its canonical query, or its id and the minute for a chart that ends "now").</item>
/// </list>
/// What is the user's own stays outside the cached blocks: the layout (name, logout token), flash messages, and
/// forms with an antiforgery token. <see cref="MaxAge"/> bounds how late a write by another process (a CLI import,
/// sqlite3 by hand) shows; the data read on a miss comes from the database or from caches of at most the same age.
/// A body is kept only when the same key was asked for within <see cref="MaxAge"/> before: one kept for a single view
/// is never read again, and a stream of one-off searches (pages 2..21 of several words) filled the cache with bodies
/// that died old, raising the peak RSS from 171 to 288 MiB under bench/search-pages.lua.
/// </summary>
public static class PageFragments
{
    /// <summary>How long a rendered block is kept at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    // A list page's body is about 60 KB as UTF-16: this keeps well over a hundred bodies, a small part of the RSS budget.
    private const long SizeLimitBytes = 8 * 1024 * 1024;

    /// <summary>Bounds the memory of every <c>&lt;cache&gt;</c> block (ASP.NET Core's default is 100 MB).</summary>
    public static IServiceCollection AddPageFragments(this IServiceCollection services) =>
        services.Configure<CacheTagHelperOptions>(options => options.SizeLimit = SizeLimitBytes);

    // Keys asked for lately and when; a few hundred bytes each, started afresh past MaxSeen.
    private const int MaxSeen = 10_000;
    private static readonly ConcurrentDictionary<string, long> seen = new(StringComparer.Ordinal);
    private static int added;

    /// <summary>The cached block showing <paramref name="what"/> to the current user: its key, and whether to keep it.</summary>
    public static PageFragment For(HttpContext context, string what)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{Database.CommittedWrites}|{(context.User.IsInRole(Roles.Admin) ? Roles.Admin : Roles.Viewer)}|{what}");
        var now = Environment.TickCount64;
        var askedLately = seen.TryGetValue(key, out var at) && now - at < MaxAge.TotalMilliseconds;
        if (Interlocked.Increment(ref added) > MaxSeen)
        {
            seen.Clear();
            Interlocked.Exchange(ref added, 0);
        }
        seen[key] = now;
        return new PageFragment(key, askedLately);
    }
}

/// <summary>A page body's <c>vary-by</c> key, and whether it is worth keeping (<c>enabled</c>).</summary>
public readonly record struct PageFragment(string Key, bool Keep);
