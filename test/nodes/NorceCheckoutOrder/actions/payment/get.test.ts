import { describePartGet } from '../operationTests';

describePartGet('payment');
