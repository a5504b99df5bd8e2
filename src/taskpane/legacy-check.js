/*
 * Runs before the bundle, as a plain ES5 file (copied, not bundled), so that even Internet Explorer runs it.
 *
 * Older Office (Windows, Office 2016/2019 without WebView2) shows add-ins in an Internet Explorer
 * (Trident) or EdgeHTML webview, which cannot run the task pane. There we set window.__legacyHost = true,
 * which src/taskpane/index.tsx checks before rendering, and replace the page with a plain message that
 * points to the standalone page web.html. On web.html itself the message asks for a current browser.
 */
(function () {
  'use strict';

  var userAgent = navigator.userAgent || '';
  // IE 8-11 expose document.documentMode; EdgeHTML says "Edge/18.x" (Chromium Edge says "Edg/", no "e").
  var isInternetExplorer = typeof document.documentMode === 'number';
  var isEdgeHtml = /Edge\/\d+/.test(userAgent);
  if (!isInternetExplorer && !isEdgeHtml) return;

  window.__legacyHost = true;

  var onStandalonePage = /(^|\/)web\.html$/i.test(location.pathname);
  // The standalone page beside this one, as an absolute address the user can copy into a browser.
  var webPageUrl = location.href.replace(/[?#].*$/, '').replace(/[^\/]*$/, 'web.html');

  function paragraph(text) {
    var p = document.createElement('p');
    p.appendChild(document.createTextNode(text));
    p.style.margin = '0 0 12px 0';
    return p;
  }

  function link(url) {
    var p = document.createElement('p');
    var a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.appendChild(document.createTextNode(url));
    p.appendChild(a);
    p.style.margin = '0 0 12px 0';
    p.style.wordBreak = 'break-all';
    return p;
  }

  function messageParts() {
    if (onStandalonePage) {
      return [
        paragraph('此浏览器过旧，无法打开本页面。请使用新版 Microsoft Edge、Chrome 或 Firefox 打开：'),
        paragraph('This browser is too old for this page. Please open it in a current Microsoft Edge, Chrome or Firefox:'),
        link(location.href)
      ];
    }
    return [
      paragraph('此版本 Office 的加载项窗口过旧，无法显示本加载项。请使用独立网页版 web.html 打开工作簿。'),
      paragraph('The add-in window of this Office version is too old to show this add-in. Please open the workbook with the standalone page web.html instead.'),
      link(webPageUrl)
    ];
  }

  function show() {
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.style.fontFamily = '"Microsoft YaHei", "Segoe UI", sans-serif';
    box.style.fontSize = '14px';
    box.style.lineHeight = '1.6';
    box.style.padding = '16px';
    var parts = messageParts();
    for (var i = 0; i < parts.length; i++) box.appendChild(parts[i]);
    body.appendChild(box);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show, false);
  } else {
    show();
  }
})();
