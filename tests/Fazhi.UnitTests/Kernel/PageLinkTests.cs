using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.UnitTests.Kernel;

/// <summary>The pager's links of every list page (FazhiPageModel.PageLink): the page's own address, the filters kept
/// (repeated ones too, empty ones as they were), the old page number replaced whatever its case.</summary>
public sealed class PageLinkTests
{
    private sealed class ListPage : FazhiPageModel;

    private static ListPage Page(string path, string query, string pathBase = "")
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = pathBase;
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        return new ListPage { PageContext = new PageContext { HttpContext = http } };
    }

    [Fact]
    public void The_link_keeps_the_filters_and_replaces_the_page_number()
    {
        Page("/legal-aid/cases", "?q=%E7%8E%8B&p=3&status=Accepted&status=Closed&from=").PageLink(4)
            .ShouldBe("/legal-aid/cases?q=%E7%8E%8B&status=Accepted&status=Closed&from=&p=4");
        Page("/system/loginlog", "?P=2&user=admin").PageLink(1).ShouldBe("/system/loginlog?user=admin&p=1");
        Page("/reconsideration/cases", "").PageLink(2).ShouldBe("/reconsideration/cases?p=2");
        Page("/enforcement/records", "?page=5&q=x").PageLink(6, "page").ShouldBe("/enforcement/records?q=x&page=6");
        Page("/mediation/disputes", "?p=1", pathBase: "/fazhi").PageLink(2).ShouldBe("/fazhi/mediation/disputes?p=2");
    }
}
