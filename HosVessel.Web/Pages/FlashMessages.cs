using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HosVessel.Web.Pages;

/// <summary>One-shot messages shown at the top of the next page after an action.</summary>
public static class FlashMessages
{
    public const string Key = "flash";
    public const string KindKey = "flash-kind";

    public static void Success(this ITempDataDictionary tempData, string message) => Set(tempData, message, "success");

    public static void Error(this ITempDataDictionary tempData, string message) => Set(tempData, message, "error");

    private static void Set(ITempDataDictionary tempData, string message, string kind)
    {
        tempData[Key] = message;
        tempData[KindKey] = kind;
    }
}
