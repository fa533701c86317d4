using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HosVessel.Web.Codes;

/// <summary>
/// <c>&lt;code-name kind="Flag" value="@vessel.Flag" /&gt;</c>: a code with its Korean name. On detail pages
/// (<c>label="true"</c>) the name shows beside the code ("KOR · 대한민국"); on lists it is the code's title, and the
/// code is remembered for the page's <c>&lt;code-legend /&gt;</c>, which phones need (they show no titles).
/// Names come from <see cref="CodeStore"/>'s memory: no query per row.
/// </summary>
[HtmlTargetElement("code-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CodeNameTagHelper(CodeStore codes) : TagHelper
{
    public CodeKind Kind { get; set; }

    public string? Value { get; set; }

    /// <summary>Show the name as visible text beside the code, not only as a title.</summary>
    public bool Label { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var book = await codes.NamesAsync(ViewContext.HttpContext.RequestAborted);
        output.TagName = null;
        output.Content.SetHtmlContent(CodeNameHtml.Render(ViewContext.HttpContext, book, Kind, Value, Label));
    }
}

/// <summary>The codes a list page has shown so far, per request, for its legend.</summary>
public sealed class CodesShown
{
    private readonly List<(CodeKind Kind, string Code)> shown = [];

    public static CodesShown Of(Microsoft.AspNetCore.Http.HttpContext context)
    {
        if (context.Items[typeof(CodesShown)] is not CodesShown codes)
        {
            codes = new CodesShown();
            context.Items[typeof(CodesShown)] = codes;
        }
        return codes;
    }

    public void Add(CodeKind kind, string code) => Add(kind, CodeKinds.Parts(kind, code));

    public void Add(CodeKind kind, IReadOnlyList<string> parts)
    {
        foreach (var part in parts)
        {
            if (!shown.Contains((kind, part)))
            {
                shown.Add((kind, part));
            }
        }
    }

    /// <summary>Kind by kind in <see cref="CodeKinds.All"/> order, codes sorted.</summary>
    public IEnumerable<IGrouping<CodeKind, string>> ByKind() =>
        shown.OrderBy(item => item.Kind).ThenBy(item => item.Code, StringComparer.Ordinal).GroupBy(item => item.Kind, item => item.Code);
}
