// Stands in for optional jsPDF dependencies (html2canvas, canvg, dompurify) the app never uses.
export default {};
