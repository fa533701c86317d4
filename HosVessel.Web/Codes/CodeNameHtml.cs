using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HosVessel.Web.Codes;

/// <summary>
/// The markup of a code with its Korean name, the one definition behind <c>&lt;code-name&gt;</c> and
/// <c>@Html.CodeName(kind, value)</c>. List cells use the helper: a tag helper per cell cost a list page about a
/// quarter of its render time (its context, output and attribute lists), and this writes straight to the page.
/// </summary>
public static class CodeNameHtml
{
    /// <summary>A cell: the code with its name as the title (remembered for the page's legend) or as a label.</summary>
    public static IHtmlContent CodeName(this IHtmlHelper html, CodeKind kind, string? value, bool label = false) =>
        Render(html.ViewContext.HttpContext, BookOf(html.ViewContext.HttpContext), kind, value, label);

    /// <summary>
    /// The code, with its name as visible text (<paramref name="label"/>, detail pages) or as its title (lists).
    /// </summary>
    public static IHtmlContent Render(HttpContext http, CodeNameBook book, CodeKind kind, string? value, bool label)
    {
        if (book.Cell(kind, value) is not { } cell)
        {
            return label ? EmptyLabel : Empty;
        }
        if (label)
        {
            // "이름 없음" asks an admin to name the code; a viewer can do nothing about it, so sees the code alone.
            var codeOnly = cell.AllUnnamed && !http.User.IsInRole(Accounts.Roles.Admin);
            return new Markup(cell, codeOnly ? Shape.CodeOnly : Shape.Labelled);
        }
        CodesShown.Of(http).Add(kind, cell.Parts);
        return new Markup(cell, Shape.Titled);
    }

    // The book is read once per request: a page names dozens of cells, and reads never wait on a write.
    private static CodeNameBook BookOf(HttpContext http)
    {
        if (http.Items[typeof(CodeNameBook)] is CodeNameBook book)
        {
            return book;
        }
        var pending = http.RequestServices.GetRequiredService<CodeStore>().NamesAsync(http.RequestAborted);
        // Cached after the first read; Microsoft.Data.Sqlite completes its "async" reads synchronously anyway.
        book = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        http.Items[typeof(CodeNameBook)] = book;
        return book;
    }

    private static readonly HtmlString Empty = new("<span></span>");
    private static readonly HtmlString EmptyLabel = new("<span>—</span>");

    private enum Shape { Titled, Labelled, CodeOnly }

    private sealed class Markup(CodeCell cell, Shape shape) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            if (shape == Shape.Titled)
            {
                writer.Write("<abbr class=\"code\" title=\"");
                encoder.Encode(writer, cell.Name);
                writer.Write("\">");
                encoder.Encode(writer, cell.Code);
                writer.Write("</abbr>");
                return;
            }
            writer.Write("<span class=\"code-name\"><span class=\"code\">");
            encoder.Encode(writer, cell.Code);
            writer.Write("</span>");
            if (shape == Shape.Labelled)
            {
                writer.Write(cell.AnyUnnamed ? " <span class=\"code-label code-unnamed\">" : " <span class=\"code-label\">");
                encoder.Encode(writer, $"· {cell.Name}");
                writer.Write("</span>");
            }
            writer.Write("</span>");
        }
    }
}

/// <summary>What a stored code value shows: the code as stored, its name, its parts, and whether they are named.</summary>
public sealed record CodeCell(string Code, string Name, IReadOnlyList<string> Parts, bool AnyUnnamed, bool AllUnnamed);
