using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Pages;

/// <summary>One-shot messages shown at the top of the next page after an action.</summary>
public static class FlashMessages
{
    public const string Key = "flash";
    public const string KindKey = "flash-kind";

    // The TempData of requests that set a message, for a page that shows it in the same response (an import's result).
    private static readonly ConditionalWeakTable<ITempDataDictionary, object> SetInRequest = [];

    public static void Success(this ITempDataDictionary tempData, string message) => Set(tempData, message, "success");

    public static void Error(this ITempDataDictionary tempData, string message) => Set(tempData, message, "error");

    private static void Set(ITempDataDictionary tempData, string message, string kind)
    {
        tempData[Key] = message;
        tempData[KindKey] = kind;
        SetInRequest.AddOrUpdate(tempData, kind);
    }

    /// <summary>
    /// Whether a message may be waiting: set during this request, or carried by the browser's TempData cookie. Only
    /// then is TempData read, as reading it makes the response delete that cookie: a Set-Cookie header on every page.
    /// </summary>
    public static bool MayBeWaiting(HttpContext context, ITempDataDictionary tempData) =>
        SetInRequest.TryGetValue(tempData, out _)
        || context.Request.Cookies.ContainsKey(
            context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!);
}
