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
        var code = CodeKinds.Normalise(Value);
        output.TagMode = TagMode.StartTagAndEndTag;
        if (code is null)
        {
            output.TagName = "span";
            output.Content.SetContent(Label ? "—" : "");
            return;
        }
        var book = await codes.NamesAsync(ViewContext.HttpContext.RequestAborted);
        var name = book.Describe(Kind, code)!;
        var unnamed = CodeKinds.Parts(Kind, code).Any(part => book.NameOf(Kind, part) is null);
        if (Label && unnamed && !ViewContext.HttpContext.User.IsInRole(Accounts.Roles.Admin)
            && CodeKinds.Parts(Kind, code).All(part => book.NameOf(Kind, part) is null))
        {
            // "이름 없음" asks an admin to name the code; a viewer can do nothing about it, so sees the code alone.
            output.TagName = "span";
            output.Attributes.SetAttribute("class", "code-name");
            output.Content.AppendHtml(Tag("span", "code", code));
            return;
        }
        if (Label)
        {
            output.TagName = "span";
            output.Attributes.SetAttribute("class", "code-name");
            output.Content.AppendHtml(Tag("span", "code", code)).AppendHtml(" ")
                .AppendHtml(Tag("span", unnamed ? "code-label code-unnamed" : "code-label", $"· {name}"));
            return;
        }
        output.TagName = "abbr";
        output.Attributes.SetAttribute("class", "code");
        output.Attributes.SetAttribute("title", name);
        output.Content.SetContent(code);
        CodesShown.Of(ViewContext.HttpContext).Add(Kind, code);
    }

    private static TagBuilder Tag(string element, string cssClass, string text)
    {
        var tag = new TagBuilder(element);
        tag.AddCssClass(cssClass);
        tag.InnerHtml.Append(text);
        return tag;
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

    public void Add(CodeKind kind, string code)
    {
        foreach (var part in CodeKinds.Parts(kind, code))
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
