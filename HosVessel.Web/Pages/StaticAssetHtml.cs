using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HosVessel.Web.Pages;

/// <summary>
/// <c>@Html.Stylesheet("/css/site.css")</c> and <c>@Html.Script("/js/site.js")</c>: the tag with the file's version in
/// its URL, as <c>asp-append-version</c> gives it, without a tag helper run (and a URL resolution run) per tag on
/// every page. The version comes from the same provider, which hashes each file once and again when it changes.
/// </summary>
public static class StaticAssetHtml
{
    public static IHtmlContent Stylesheet(this IHtmlHelper html, string path) =>
        new HtmlString($"<link rel=\"stylesheet\" href=\"{Versioned(html, path)}\" />");

    /// <summary>A deferred script: it runs once the page is parsed.</summary>
    public static IHtmlContent Script(this IHtmlHelper html, string path) =>
        new HtmlString($"<script src=\"{Versioned(html, path)}\" defer></script>");

    private static string Versioned(IHtmlHelper html, string path)
    {
        var http = html.ViewContext.HttpContext;
        var url = http.Request.PathBase.Add(path).Value!;
        return HtmlEncoder.Default.Encode(http.RequestServices.GetRequiredService<IFileVersionProvider>().AddFileVersionToPath(http.Request.PathBase, url));
    }
}
