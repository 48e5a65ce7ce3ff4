/**
 * A small report of the 济源 template (figures of seed 000) with last year's figures and comments
 * before, inside and between its sections, up to its first two narrative sections: the tests of
 * generation in the service and over the protocol add the sections they need.
 */
export const JIYUAN_REPORT_HEAD = `# a comment before everything
department: 济源产城融合示范区医疗保障局（机关）
kind: unit
year: 2022
unit: 万元
template: henan-jiyuan
previous:
  year: 2021
  income_total: 326.00
  three_public: 0
  reception: 1.00
  abroad: 0
  vehicle_purchase: 0
  vehicle_operation: 0
tables:
  summary:
    income:
      - { item: 一、一般公共预算, amount: 517.20 }
      - { item: 二、政府性基金预算拨款收入, amount: 12.00 }
    income_total: 529.20
    expense_total: 529.20
  expense:
    total: { total: 529.20, basic: 223.40, project: 305.80 }
  three_public:
    total: 19.00
    abroad:
    vehicle: 18.00
    vehicle_purchase: 18.00
    vehicle_operation:
    reception: 1.00
narrative:
  - title: 第二部分 情况说明
    sections:
      - title: 一、收入支出预算总体情况说明
        # the author's note on this section
        text: |
          济源产城融合示范区医疗保障局机关2022年收入总计529.20万元，支出总计529.20万元，与2021年相比，收、支总计各增加100.00万元，增长10.00%。主要原因是：一是实有在编人数增加。二是补助资金增加。
      # a comment between sections
`;
