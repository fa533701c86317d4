using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HosVessel.Web.Codes;

/// <summary>
/// <c>&lt;code-name kind="Flag" value="@vessel.Flag" /&gt;</c>: a code with its Korean name beside it
/// (<c>label</c>, on detail pages) or as a title (lists). Placeholder until the code tables land: renders the code.
/// </summary>
[HtmlTargetElement("code-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CodeNameTagHelper : TagHelper
{
    public CodeKind Kind { get; set; }

    public string? Value { get; set; }

    /// <summary>Show the name as visible text beside the code, not only as a title.</summary>
    public bool Label { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "code");
        output.Content.SetContent(Value ?? "");
    }
}
